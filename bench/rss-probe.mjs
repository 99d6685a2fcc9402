// Preloaded into a measured process (`node --import ./bench/rss-probe.mjs ...`): when it exits, writes to the
// file named by PHX_BENCH_RSS_FILE its peak resident memory in bytes and the CPU seconds it spent after this
// module loaded (Node's own start-up excluded). It changes nothing else.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const started = process.cpuUsage();
process.on('exit', () => {
  const used = process.cpuUsage(started);
  writeFileSync(process.env.PHX_BENCH_RSS_FILE, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuSeconds: (used.user + used.system) / 1e6 }));
});
