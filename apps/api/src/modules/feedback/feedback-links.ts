import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';

/**
 * Feedback link tokens: HMAC-SHA256 of the request (or anonymous survey) id under the link secret,
 * 256 bits. Only the token's SHA-256 is stored (access_tokens), yet a member can be shown a link
 * again: it is derived, not kept. Someone with the database alone cannot forge or recover one.
 */
@Injectable()
export class FeedbackLinks {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  token(kind: 'feedback' | 'survey', subjectId: string): string {
    const secret = this.config.linkSecret;
    if (!secret) throw new Error('No link secret: set RAPPORT_SECRET');
    return createHmac('sha256', secret).update(`${kind}:${subjectId}`).digest('base64url');
  }

  url(kind: 'feedback' | 'survey', subjectId: string): string {
    return `${this.config.publicUrl}/f/${this.token(kind, subjectId)}`;
  }
}
