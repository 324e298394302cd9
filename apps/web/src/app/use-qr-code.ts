import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `url` as a data URL (null while it is drawn), and whether drawing it failed. */
export function useQrCode(url: string, width: number): { qr: string | null; failed: boolean } {
  const [qr, setQr] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setQr(null);
    setFailed(false);
    QRCode.toDataURL(url, { margin: 1, width })
      .then((dataUrl) => live && setQr(dataUrl))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [url, width]);
  return { qr, failed };
}
