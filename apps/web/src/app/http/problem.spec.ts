import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpErrorResponse } from '@angular/common/http';
import { PROBLEM_CODES, problemType } from '@convene/contracts';
import {
  CLIENT_PROBLEMS,
  PROBLEM_MESSAGES,
  problemMessageKey,
  rejectedFields,
  toProblem,
} from './problem';

describe('problems shown to people', () => {
  it('keeps the server problem details of a failed call', () => {
    const problem = toProblem(
      new HttpErrorResponse({
        status: 401,
        error: {
          type: '/problems/invalid-credentials',
          title: 'Email or password is incorrect',
          status: 401,
        },
      }),
    );
    expect(problemMessageKey(problem)).toBe('errors.invalid-credentials');
  });

  it('explains an unreachable server as a network problem', () => {
    expect(problemMessageKey(toProblem(new HttpErrorResponse({ status: 0 })))).toBe(
      'errors.network',
    );
    // What a proxy answers when the API behind it is down.
    expect(
      problemMessageKey(toProblem(new HttpErrorResponse({ status: 502, error: 'Bad Gateway' }))),
    ).toBe('errors.network');
  });

  it('says a server failure is on our side', () => {
    expect(problemMessageKey(toProblem(new HttpErrorResponse({ status: 500 })))).toBe(
      'errors.internal',
    );
  });

  it('falls back to a message for the status when the code is unknown', () => {
    expect(problemMessageKey({ type: '/problems/brand-new', title: 'x', status: 429 })).toBe(
      'errors.rate-limited',
    );
    expect(problemMessageKey({ type: '/problems/brand-new', title: 'x', status: 418 })).toBe(
      'errors.generic',
    );
  });

  it('names the fields a validation problem rejected', () => {
    expect(
      rejectedFields({
        type: '/problems/validation',
        title: 'The request is not valid',
        status: 400,
        errors: [{ path: 'memberStateAlpha3', message: 'required' }],
      }),
    ).toEqual(['memberStateAlpha3']);
  });
});

describe('the message of every problem code', () => {
  const folder = join(__dirname, '../../../public/i18n');
  const errorsIn = (language: string): Record<string, unknown> =>
    (
      JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8')) as {
        errors: Record<string, unknown>;
      }
    ).errors;

  it.each(['en', 'fr', 'ar'])(
    'is in %s for each code the API answers with and each the app meets itself',
    (language) => {
      const errors = errorsIn(language);
      for (const code of [...PROBLEM_CODES, ...CLIENT_PROBLEMS]) {
        const key = PROBLEM_MESSAGES[code].slice('errors.'.length);
        expect({ code, message: typeof errors[key] }).toEqual({ code, message: 'string' });
      }
    },
  );

  it('is the one a problem of that code is shown with, whatever its status', () => {
    for (const code of PROBLEM_CODES) {
      expect(problemMessageKey({ type: problemType(code), title: 'x', status: 418 })).toBe(
        `errors.${code}`,
      );
    }
  });
});
