module.exports = async () => {
  await globalThis.__RAPPORT_TEST_DB__?.stop();
};
