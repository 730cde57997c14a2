import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewPassword } from './common';
import { NEW_PASSWORD_MAX_LENGTH, NEW_PASSWORD_MIN_LENGTH } from './vocabulary';

describe('the vocabulary the web app reads at run time', () => {
  it('imports nothing but the interface vocabulary, which imports nothing, so neither brings zod into a browser chunk', () => {
    const interfaceWords = readFileSync(join(__dirname, 'interface-vocabulary.ts'), 'utf8');
    expect(interfaceWords).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s/m);
    expect(interfaceWords).not.toMatch(/\brequire\(|\bimport\(/);
    const source = readFileSync(join(__dirname, 'vocabulary.ts'), 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)\b[^;]*\bfrom\s+'([^']+)'/gm)];
    expect(imports.map(([, from]) => from)).toEqual(['./interface-vocabulary']);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('leaves the standing functions (standing.ts) zod-free: they import types and the vocabulary only', () => {
    const source = readFileSync(join(__dirname, 'standing.ts'), 'utf8');
    const imports = [...source.matchAll(/^\s*(import|export)\b([^;]*)\bfrom\s+'([^']+)'/gm)];
    expect(imports.length).toBeGreaterThan(0);
    for (const [, , clause, from] of imports) {
      if (from !== './vocabulary' && from !== './interface-vocabulary')
        expect({ from, clause: clause?.trim() }).toMatchObject({
          clause: expect.stringMatching(/^type\b/),
        });
    }
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('leaves the consent text (consent-text.ts) zod-free: the nomination form shows it', () => {
    const source = readFileSync(join(__dirname, 'consent-text.ts'), 'utf8');
    const imports = [...source.matchAll(/^\s*(import|export)\b([^;]*)\bfrom\s+'([^']+)'/gm)];
    for (const [, , clause] of imports) expect(clause?.trim()).toMatch(/^type\b/);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('is the policy the NewPassword schema enforces', () => {
    expect(NewPassword.minLength).toBe(NEW_PASSWORD_MIN_LENGTH);
    expect(NewPassword.maxLength).toBe(NEW_PASSWORD_MAX_LENGTH);
    expect(NewPassword.safeParse('x'.repeat(NEW_PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(NewPassword.safeParse('x'.repeat(NEW_PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(NEW_PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
  });

  it('is marked free of side effects, so a bundler keeps only the contract modules used', () => {
    const manifest: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({ sideEffects: false });
  });
});
