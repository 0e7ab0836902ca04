// Retries a check until it passes or the time is up: projections follow the log a moment later.
export async function eventually(check, timeoutMs = 30000, pauseMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
