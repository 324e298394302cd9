/** A prepared email with the feedback link: opened in the member's own mail app (`mailto:`). */
export function feedbackMailto({
  to,
  customerName,
  businessName,
  senderName,
  question,
  url,
}: {
  to: string | null;
  customerName: string;
  businessName: string;
  senderName: string;
  question: string;
  url: string;
}): string {
  const firstName = customerName.trim().split(/\s+/)[0] ?? customerName;
  const subject = `A quick question from ${businessName}`;
  const body = [
    `Hi ${firstName},`,
    '',
    `${question} It takes two taps to answer:`,
    '',
    url,
    '',
    'Thank you,',
    `${senderName}, ${businessName}`,
  ].join('\n');
  const recipient = to ? encodeURIComponent(to).replace(/%40/g, '@') : '';
  return `mailto:${recipient}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
