// Preloaded into a measured process (`node --import ./bench/rss-probe.mjs ...`): writes its peak resident
// memory in bytes to the file named by PHX_BENCH_RSS_FILE when it exits. It changes nothing else.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  writeFileSync(process.env.PHX_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
