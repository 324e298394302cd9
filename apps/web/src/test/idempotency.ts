/** The idempotency key every create form sends in tests (jest.setup.ts fixes `crypto.randomUUID`). */
export const TEST_IDEMPOTENCY_KEY = '11111111-1111-4111-8111-111111111111';
