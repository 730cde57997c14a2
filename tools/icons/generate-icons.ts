/*
 * Writes the SVG of every Material Symbol the web app uses (outlined, weight 400, from
 * @material-symbols/svg-400), and no others, in three files under apps/web/src/app/shared/icons,
 * so that each page loads few icons it does not show:
 * - icons.generated.ts: those named by the code main.ts and the sign-in page import statically
 *   (FIRST_ENTRIES), registered at start; and the IconName type of every icon;
 * - icons-shell.generated.svg: those the signed-in shell and the home page add (SHELL_ENTRIES),
 *   an SVG sprite the shell fetches;
 * - icons-later.generated.svg: those other pages use, a sprite the icon registry
 *   (icon-registry.ts) fetches when a page first asks for an icon not registered yet.
 * The sprites are data, not code: the build emits each as a file named by its content (the
 * `.svg` loader in apps/web/project.json), cached for a year, and no page's JavaScript carries
 * them. Each icon is a nested `<svg id="name" viewBox="…">` of the sprite's root.
 * A feature does nothing for its icons: naming them (below) and `npm run icons` are enough.
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
export const SHELL_ICON_MODULE = join(
  WEB_SOURCES,
  'app',
  'shared',
  'icons',
  'icons-shell.generated.svg',
);
export const LATER_ICON_MODULE = join(
  WEB_SOURCES,
  'app',
  'shared',
  'icons',
  'icons-later.generated.svg',
);
const GENERATED = new Set([ICON_MODULE, SHELL_ICON_MODULE, LATER_ICON_MODULE]);

/** The app's entry and the sign-in page: the first load of someone signed out. */
export const FIRST_ENTRIES: readonly string[] = ['main.ts', 'app/auth/sign-in.page.ts'].map(
  (path) => join(WEB_SOURCES, path),
);
/** The signed-in frame and its home page, the first load of someone signed in. */
export const SHELL_ENTRIES: readonly string[] = [
  'app/shell/shell.component.ts',
  'app/home/tenant-home.page.ts',
].map((path) => join(WEB_SOURCES, path));
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
    return isSource && !GENERATED.has(path) ? [path] : [];
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

/** A relative module specifier's file, if it is one of ours. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(from, '..', specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * The web app's files that the entries import statically (`import()` starts a lazy chunk, and
 * `import type` loads nothing), with the templates of their components: the first load's code.
 */
export function staticImports(entries: readonly string[]): Set<string> {
  const found = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    const text = readFileSync(file, 'utf8');
    const template = /templateUrl:\s*'([^']+)'/.exec(text)?.[1];
    if (template) found.add(resolve(file, '..', template));
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      let specifier: ts.Expression | undefined;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        const bindings = clause?.namedBindings;
        const onlyTypes =
          clause?.isTypeOnly ||
          (clause !== undefined &&
            !clause.name &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((element) => element.isTypeOnly));
        if (!onlyTypes) specifier = statement.moduleSpecifier;
      } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        specifier = statement.moduleSpecifier;
      }
      if (specifier && ts.isStringLiteral(specifier)) {
        const target = resolveImport(file, specifier.text);
        if (target) queue.push(target);
      }
    }
  }
  return found;
}

export interface IconSets {
  /** Registered at start. */
  first: string[];
  /** Registered by the shell. */
  shell: string[];
  /** Loaded when first asked for; holds too the shell's icons that a page outside it uses. */
  later: string[];
}

/** The used icons by where they are first needed (see the top of this file). */
export function splitIcons(
  used: ReadonlyMap<string, readonly string[]>,
  firstFiles: ReadonlySet<string> = staticImports(FIRST_ENTRIES),
  shellFiles: ReadonlySet<string> = staticImports(SHELL_ENTRIES),
): IconSets {
  const sets: IconSets = { first: [], shell: [], later: [] };
  for (const [name, places] of used) {
    const files = places.map((place) => join(ROOT, place.replace(/:\d+$/, '')));
    if (files.some((file) => firstFiles.has(file))) {
      sets.first.push(name);
      continue;
    }
    if (files.some((file) => shellFiles.has(file))) sets.shell.push(name);
    if (files.some((file) => !shellFiles.has(file))) sets.later.push(name);
  }
  return sets;
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

async function formatted(source: string, file: string): Promise<string> {
  // Loaded here, not at the top: only writing the modules needs it (and jest cannot load it).
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig(file)) ?? {};
  return format(source, { ...options, filepath: file });
}

const svgEntries = (names: readonly string[]) =>
  names.map((name) => `  ${name}: ${JSON.stringify(iconSvg(name))},`);

/** icons.generated.ts: the first load's icons, and the name of every icon. */
export async function renderIconModule(sets: IconSets): Promise<string> {
  const all = [...new Set([...sets.first, ...sets.shell, ...sets.later])].sort((a, b) =>
    a.localeCompare(b),
  );
  const source = [
    '// Generated by `npm run icons` (tools/icons/generate-icons.ts); do not edit by hand.',
    '// The outlined Material Symbols of the signed-out first load, from @material-symbols/svg-400;',
    '// the shell adds icons-shell.generated.svg, the icon registry loads icons-later.generated.svg.',
    'export const ICON_SVGS = {',
    ...svgEntries(sets.first),
    '} as const;',
    '',
    '/** The name of an icon in the set: `<mat-icon svgIcon="…">` takes these. */',
    `export type IconName = ${all.map((name) => `'${name}'`).join(' | ') || 'never'};`,
    '',
  ].join('\n');
  return formatted(source, ICON_MODULE);
}

/** A sprite: each icon a nested `<svg id="name">` of one root, a line each. */
export function renderSprite(comment: string, names: readonly string[]): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg">',
    '<!-- Generated by `npm run icons` (tools/icons/generate-icons.ts); do not edit by hand. -->',
    `<!-- ${comment} -->`,
    ...names.map((name) => iconSvg(name).replace(/^<svg /, `<svg id="${name}" `)),
    '</svg>',
    '',
  ].join('\n');
}

/** Every generated module and what it should hold. */
export async function renderIconModules(sets: IconSets): Promise<[string, string][]> {
  return [
    [ICON_MODULE, await renderIconModule(sets)],
    [
      SHELL_ICON_MODULE,
      renderSprite(
        'The icons the signed-in shell and its home page add to the first load: the shell fetches them.',
        sets.shell,
      ),
    ],
    [
      LATER_ICON_MODULE,
      renderSprite(
        'The icons of the pages after the first load: the icon registry fetches them when first asked for.',
        sets.later,
      ),
    ],
  ];
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const used = usedIcons();
  const sets = splitIcons(used);
  for (const [file, wanted] of await renderIconModules(sets)) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (check) {
      if (current !== wanted) {
        console.error(`${relative(ROOT, file)} is out of date: run npm run icons`);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(file, wanted);
    }
  }
  if (!check) {
    const { first, shell, later } = sets;
    console.log(
      `${used.size} icons: ${first.length} at start, ${shell.length} with the shell, ${later.length} later`,
    );
  }
}

if (require.main === module) void main();
