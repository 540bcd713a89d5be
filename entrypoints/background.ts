export default defineBackground(() => {
  // wired up in utils/messaging
});
