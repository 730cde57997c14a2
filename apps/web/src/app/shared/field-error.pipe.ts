import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';

export interface FieldError {
  /** Translation key of the message. */
  key: string;
  params: Record<string, unknown>;
}

/** Which message explains an error, by validator name. */
const MESSAGE_KEYS: Record<string, string> = {
  required: 'validation.required',
  email: 'validation.email',
  minlength: 'validation.minLength',
  maxlength: 'validation.maxLength',
  mismatch: 'validation.mismatch',
  wrongPassword: 'errors.wrong-password',
  memberState: 'validation.memberState',
  server: 'validation.server',
  min: 'validation.min',
  max: 'validation.max',
  pattern: 'validation.wholeNumber',
  httpsUrl: 'validation.httpsUrl',
  timeZone: 'validation.timeZone',
  endBeforeStart: 'validation.endBeforeStart',
  matDatepickerParse: 'validation.date',
  matDatepickerMin: 'validation.dateTooEarly',
  matDatepickerMax: 'validation.dateTooLate',
  matTimepickerParse: 'validation.time',
};

/** The first error of a control, as a message to translate; null when valid. */
export function fieldError(errors: ValidationErrors | null | undefined): FieldError | null {
  if (!errors) return null;
  const [name] = Object.keys(errors);
  if (!name) return null;
  const detail: unknown = errors[name];
  return {
    key: MESSAGE_KEYS[name] ?? 'validation.invalid',
    params:
      typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>) : {},
  };
}

@Pipe({ name: 'fieldError' })
export class FieldErrorPipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): FieldError | null {
    return fieldError(errors);
  }
}
