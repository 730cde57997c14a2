/**
 * Jest's stand-in for the build's `file` loader of the icon sprites (`*.generated.svg`): the
 * import is the file's path on disk, which the tests read (shared/icons/icons.testing.ts).
 */
module.exports = {
  process(_source, filename) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(filename)} };` };
  },
};
