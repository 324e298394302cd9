import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

/** What a derived link opens: a feedback request, an anonymous survey, an invitation. */
export type LinkKind = 'feedback' | 'survey' | 'invitation';

const PATHS: Record<LinkKind, string> = { feedback: 'f', survey: 'f', invitation: 'invite' };

/**
 * Link tokens derived from what they open: HMAC-SHA256 of the kind and id under the link secret,
 * 256 bits. Only the token's SHA-256 is stored (access_tokens), yet a link can be shown again — to
 * a member, or in the replay of a create sent twice — because it is derived, not kept. Someone with
 * the database alone cannot forge or recover one.
 */
@Injectable()
export class LinkTokens {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  token(kind: LinkKind, subjectId: string): string {
    const secret = this.config.linkSecret;
    if (!secret) throw new Error('No link secret: set RAPPORT_SECRET');
    return createHmac('sha256', secret).update(`${kind}:${subjectId}`).digest('base64url');
  }

  url(kind: LinkKind, subjectId: string): string {
    return `${this.config.publicUrl}/${PATHS[kind]}/${this.token(kind, subjectId)}`;
  }
}
