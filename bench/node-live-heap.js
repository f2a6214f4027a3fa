// Probe for docs/performance.md "Memory": RSS cannot tell memory still reachable from garbage V8 has not collected
// yet, so every 2 s this forces a full GC and appends "<epoch ms> <live heap MiB> <rss MiB>" to
// $TRILHO_HEAP_LOG-<pid>.log (one file per node process: jsii runs a wrapper and the kernel child). Load it with
//   NODE_OPTIONS="--require $PWD/bench/node-live-heap.js" TRILHO_HEAP_LOG=/tmp/heap TRILHO_TRACE=1 trilho compile ...
// and read the live heap at the environment boundaries TRILHO_TRACE prints. Never loaded by Trilho itself.
const v8 = require('v8');
const vm = require('vm');
const fs = require('fs');

// --trace-gc and --expose-gc are refused in NODE_OPTIONS and --trace-gc would write into jsii's protocol on stdout.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const log = `${process.env.TRILHO_HEAP_LOG || '/tmp/trilho-heap'}-${process.pid}.log`;
const mib = (bytes) => (bytes / 1048576).toFixed(1);
setInterval(() => {
  gc();
  const usage = process.memoryUsage();
  fs.appendFileSync(log, `${Date.now()} ${mib(usage.heapUsed)} ${mib(usage.rss)}\n`);
}, 2000).unref();
