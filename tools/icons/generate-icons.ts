/*
 * Writes apps/web/src/app/shared/icons/icons.generated.ts: the SVG of every Material Symbol the
 * web app uses (outlined, weight 400, from @material-symbols/svg-400), and no others.
 *
 *   npm run icons            rewrite the module
 *   npm run icons -- --check exit 1 if the module is not what the sources need
 *
 * An icon is used when
 * - a template (an .html file, or a component's inline template) names it: `svgIcon="event"`,
 *   `icon="event"` (an input that takes an icon, like cv-empty-state's), or a quoted name inside
 *   a `[svgIcon]="…"` or `[icon]="…"` binding;
 * - TypeScript gives a string literal the type IconName (maps such as EVENT_STATUS_ICONS, the
 *   navigation items, input<IconName>() defaults): the type checker finds those, so a name that
 *   is not yet in the set is found too, even while it does not compile.
 * Icons that point along the reading direction carry the class `cv-icon-directional` on their
 * <svg>, which styles.scss mirrors in right-to-left pages.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '..', '..');
export const WEB_SOURCES = join(ROOT, 'apps', 'web', 'src');
export const ICON_MODULE = join(WEB_SOURCES, 'app', 'shared', 'icons', 'icons.generated.ts');
const SVG_DIRECTORY = join(ROOT, 'node_modules', '@material-symbols', 'svg-400', 'outlined');
const WEB_TSCONFIG = join(ROOT, 'apps', 'web', 'tsconfig.app.json');

/** Icons drawn along the reading direction: they point the other way in Arabic. */
export const DIRECTIONAL_ICONS: ReadonlySet<string> = new Set([
  'arrow_back',
  'arrow_forward',
  'arrow_left',
  'arrow_right',
  'arrow_right_alt',
  'chevron_left',
  'chevron_right',
  'first_page',
  'last_page',
  'keyboard_arrow_left',
  'keyboard_arrow_right',
  'navigate_before',
  'navigate_next',
  'login',
  'logout',
  'redo',
  'reply',
  'send',
  'undo',
]);
export const DIRECTIONAL_CLASS = 'cv-icon-directional';

const ICON_NAME = /^[a-z0-9_]+$/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    const isSource = /\.(html|ts)$/.test(entry) && !/\.spec\.ts$/.test(entry);
    return isSource && path !== ICON_MODULE ? [path] : [];
  });
}

/** Where each template names an icon: `file:line` by icon name. */
export function iconsInTemplates(files: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, file: string, text: string, index: number) => {
    if (!ICON_NAME.test(name)) return;
    const line = text.slice(0, index).split('\n').length;
    found.set(name, [...(found.get(name) ?? []), `${relative(ROOT, file)}:${line}`]);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?<![\w[-])(?:svgIcon|icon)="([^"]*)"/g)) {
      add(match[1] ?? '', file, text, match.index);
    }
    for (const match of text.matchAll(/\[(?:svgIcon|icon)\]="([^"]*)"/g)) {
      for (const literal of (match[1] ?? '').matchAll(/'([^']*)'/g)) {
        add(literal[1] ?? '', file, text, match.index);
      }
    }
  }
  return found;
}

/** The IconName type as the generated module declares it. */
function iconNameType(program: ts.Program, checker: ts.TypeChecker): ts.Type {
  const module = program.getSourceFile(ICON_MODULE);
  const alias = module?.statements.find(
    (statement): statement is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === 'IconName',
  );
  if (!alias) throw new Error(`${relative(ROOT, ICON_MODULE)} declares no IconName`);
  return checker.getTypeAtLocation(alias.name);
}

/** Where TypeScript types a string literal as an IconName: `file:line` by icon name. */
export function iconsInCode(files: readonly string[]): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    WEB_TSCONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${WEB_TSCONFIG}`);
  const tsFiles = files.filter((file) => file.endsWith('.ts'));
  const program = ts.createProgram({
    rootNames: [...tsFiles, ICON_MODULE],
    options: { ...config.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const iconName = iconNameType(program, checker);
  // A literal is an icon name where the code expects exactly an IconName (or none).
  const expectsIconName = (type: ts.Type): boolean => {
    const expected = checker.getNonNullableType(type);
    if (expected.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    return (
      checker.isTypeAssignableTo(expected, iconName) &&
      checker.isTypeAssignableTo(iconName, expected)
    );
  };
  const found = new Map<string, string[]>();
  for (const file of tsFiles) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const contextual = checker.getContextualType(node);
        if (contextual && ICON_NAME.test(node.text) && expectsIconName(contextual)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const where = `${relative(ROOT, file)}:${line + 1}`;
          found.set(node.text, [...(found.get(node.text) ?? []), where]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Every icon the web app uses, with the places that use it. */
export function usedIcons(): Map<string, string[]> {
  const files = sourceFiles(WEB_SOURCES);
  const all = new Map<string, string[]>();
  for (const found of [iconsInTemplates(files), iconsInCode(files)]) {
    for (const [name, places] of found) all.set(name, [...(all.get(name) ?? []), ...places]);
  }
  return new Map([...all].sort(([a], [b]) => a.localeCompare(b)));
}

/** The icon's outlined SVG, trimmed to what <mat-icon> needs. */
export function iconSvg(name: string): string {
  const path = join(SVG_DIRECTORY, `${name}.svg`);
  if (!existsSync(path)) {
    throw new Error(`No Material Symbol "${name}" in @material-symbols/svg-400 (outlined)`);
  }
  const svg = readFileSync(path, 'utf8').trim();
  const inner = /^<svg[^>]*viewBox="([^"]+)"[^>]*>(.*)<\/svg>$/s.exec(svg);
  if (!inner) throw new Error(`Unexpected SVG for "${name}": ${svg.slice(0, 80)}`);
  const directional = DIRECTIONAL_ICONS.has(name) ? ` class="${DIRECTIONAL_CLASS}"` : '';
  return `<svg viewBox="${inner[1]}"${directional}>${inner[2]}</svg>`;
}

export async function renderIconModule(names: readonly string[]): Promise<string> {
  const entries = names.map((name) => `  ${name}: ${JSON.stringify(iconSvg(name))},`);
  const source = [
    '// Generated by `npm run icons` (tools/icons/generate-icons.ts); do not edit by hand.',
    '// The outlined Material Symbols the web app uses, from @material-symbols/svg-400.',
    'export const ICON_SVGS = {',
    ...entries,
    '} as const;',
    '',
    '/** The name of an icon in the set: `<mat-icon svgIcon="…">` takes these. */',
    'export type IconName = keyof typeof ICON_SVGS;',
    '',
  ].join('\n');
  // Loaded here, not at the top: only writing the module needs it (and jest cannot load it).
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig(ICON_MODULE)) ?? {};
  return format(source, { ...options, filepath: ICON_MODULE });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const names = [...usedIcons().keys()];
  const wanted = await renderIconModule(names);
  const current = existsSync(ICON_MODULE) ? readFileSync(ICON_MODULE, 'utf8') : '';
  if (check) {
    if (current !== wanted) {
      console.error(`${relative(ROOT, ICON_MODULE)} is out of date: run npm run icons`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(ICON_MODULE, wanted);
  console.log(`${relative(ROOT, ICON_MODULE)}: ${names.length} icons`);
}

if (require.main === module) void main();
