import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * FORM_FIELD_DEFAULTS is provided where each tree of form fields starts, not at the root (see
 * form-field-defaults.ts). These tests read the components' sources: a component that shows a
 * form field, itself or through a child component, and that no other component shows (a routed
 * page or a dialog) must provide the defaults.
 */
const APP = join(__dirname, '..');

interface ComponentSource {
  file: string;
  selector: string;
  /** The component's own code and its template. */
  text: string;
}

function componentSources(directory: string): ComponentSource[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return componentSources(path);
    if (!entry.endsWith('.ts') || entry.endsWith('.spec.ts')) return [];
    const code = readFileSync(path, 'utf8');
    const selector = /@Component\(\{\s*selector: '([^']+)'/.exec(code)?.[1];
    if (!selector) return [];
    const templateUrl = /templateUrl: '([^']+)'/.exec(code)?.[1];
    const template = templateUrl ? readFileSync(join(dirname(path), templateUrl), 'utf8') : '';
    return [{ file: relative(APP, path), selector, text: code + template }];
  });
}

const components = componentSources(APP);

/** Selectors of components that show a form field, directly or through their children. */
function withFormFields(): Set<string> {
  const found = new Set(
    components.filter((c) => c.text.includes('<mat-form-field')).map((c) => c.selector),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of components) {
      if (found.has(c.selector)) continue;
      if ([...found].some((selector) => c.text.includes(`<${selector}`))) {
        found.add(c.selector);
        grew = true;
      }
    }
  }
  return found;
}

const providesDefaults = (c: ComponentSource) =>
  /providers: \[[^\]]*FORM_FIELD_DEFAULTS/.test(c.text);

describe('form field defaults', () => {
  const fields = withFormFields();
  // Where a tree of form fields starts: a component with fields that no other component shows,
  // that is a routed page or a dialog.
  const roots = components.filter(
    (c) =>
      fields.has(c.selector) &&
      !components.some((other) => other !== c && other.text.includes(`<${c.selector}`)),
  );

  it('are provided by every page and dialog that shows a form field', () => {
    expect(roots.map((c) => c.file)).toEqual(
      expect.arrayContaining([
        'auth/reset-request.page.ts',
        'auth/reset-complete.page.ts',
        'events/event-form.page.ts',
        'users/change-role.dialog.ts',
      ]),
    );
    expect(roots.filter((c) => !providesDefaults(c)).map((c) => c.file)).toEqual([]);
  });

  it('are provided neither at the root nor by the shell, so home loads no form field', () => {
    const config = readFileSync(join(APP, 'app.config.ts'), 'utf8');
    expect(config).not.toContain('@angular/material/form-field');
    expect(config).not.toContain('FORM_FIELD_DEFAULTS');
    const shell = components.find((c) => c.selector === 'cv-shell');
    expect(shell?.text).not.toContain('FORM_FIELD_DEFAULTS');
    expect(fields.has('cv-shell')).toBe(false);
  });

  it('stay off the sign-in page, which draws its own plain fields (shared/_native-controls.scss)', () => {
    const signIn = components.find((c) => c.selector === 'cv-sign-in-page');
    expect(signIn?.text).toContain('cv-field__input');
    expect(fields.has('cv-sign-in-page')).toBe(false);
    expect(signIn?.text).not.toMatch(
      /from '@angular\/(forms|material\/(form-field|input|button))'/,
    );
  });
});
