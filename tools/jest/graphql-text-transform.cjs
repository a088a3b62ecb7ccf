// Loads a .graphql file as its text, the same contract as esbuild's `text` loader in the builds.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
