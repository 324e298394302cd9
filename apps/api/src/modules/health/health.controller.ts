import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Db } from '../../database/db.service';

@Controller()
export class HealthController {
  constructor(private readonly db: Db) {}

  /** 200 while the process lives. */
  @Get('healthz')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** 200 only while the database answers. */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    const ok = await this.db.ping();
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'database unavailable' };
  }
}
