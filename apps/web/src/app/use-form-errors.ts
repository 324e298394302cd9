import { describeError } from './errors';
import { useFormErrorsBase } from './use-form-errors-base';

export { onlyFields } from './use-form-errors-base';

/**
 * Field and form-level errors of one form, from client-side validation or the API.
 * After each failed submit, focus moves to the first invalid control.
 */
export function useFormErrors(
  /**
   * Maps an error's field path (`name`, `profileFacts.0.label`) to the key of the control that shows
   * it, or null when the form has no such control (the message then goes above the form).
   */
  fieldFor?: (path: string) => string | null,
) {
  return useFormErrorsBase(describeError, fieldFor);
}
