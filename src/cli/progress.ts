/** A one-line progress bar on stderr, only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  let lastDraw = 0;
  return {
    update(done: number, total: number, label: string) {
      if (!enabled) return;
      const now = Date.now();
      if (now - lastDraw < 50 && done < total) return;
      lastDraw = now;
      const width = 28;
      const filled = total ? Math.round((done / total) * width) : width;
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
    },
    clear() {
      if (enabled) stream.write('\r\x1b[K');
    },
  };
}
