import { z } from 'zod';

/** A dashboard period: the last `days` days, 1..366 (90 when not given). */
export const reportPeriodSchema = z.object({
  days: z
    .number('Enter a number of days')
    .int('Use whole days')
    .min(1, 'At least 1 day')
    .max(366, 'At most 366 days')
    .nullish()
    .transform((d) => d ?? 90),
});
