// @swc/jest, plus one fix for ESM-only packages in node_modules (react-router 8): Jest runs CommonJS,
// where `import.meta` is a syntax error, so it becomes a plain object before compiling.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({ jsc: { transform: { react: { runtime: 'automatic' } } } });
const IMPORT_META = /\bimport\.meta\b/g;

function patch(src, filename) {
  return filename.includes('/node_modules/')
    ? src.replace(IMPORT_META, '({ url: "file://" + __filename })')
    : src;
}

module.exports = {
  canInstrument: swc.canInstrument,
  process(src, filename, options) {
    return swc.process(patch(src, filename), filename, options);
  },
  processAsync(src, filename, options) {
    return swc.processAsync(patch(src, filename), filename, options);
  },
  getCacheKey(src, filename, options) {
    return `${swc.getCacheKey(src, filename, options)}:import-meta-v1`;
  },
};
