/**
 * An icon sprite imported by the code (shared/icons/icon-registry.ts): the build's `file` loader
 * (project.json) emits it under `media/`, named by its content, and the import is its address.
 * Under jest (svg-path.transform.cjs) the import is the file's path on disk.
 */
declare module '*.generated.svg' {
  const url: string;
  export default url;
}
