import '@testing-library/jest-dom';
import { TEST_IDEMPOTENCY_KEY } from '../src/test/idempotency';

// Forms send a fresh idempotency key with each create; a fixed one lets mocks match their variables.
beforeEach(() => {
  Object.defineProperty(globalThis.crypto, 'randomUUID', {
    value: jest.fn(() => TEST_IDEMPOTENCY_KEY),
    configurable: true,
  });
});
