// `node --import ./module-log.mjs …`: write every script the run compiles (ES modules by URL,
// CommonJS files by path) to $PAYGAP_MODULE_LOG, one a line, when the process exits. The
// start-up tests (test/cli/startup.test.ts) read which packages a run loaded.
//
// The names come from the inspector's Debugger.scriptParsed events, in this process: module
// loader hooks (module.register) run on a thread of their own, which cost each run about
// 0.3 s of CPU; this costs none that can be measured.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
const scripts = [];
session.on('Debugger.scriptParsed', (message) => scripts.push(message.params.url));
// Also reports every script parsed before it, this file's own imports among them.
session.post('Debugger.enable');
process.on('exit', () => {
  if (process.env.PAYGAP_MODULE_LOG) writeFileSync(process.env.PAYGAP_MODULE_LOG, `${scripts.join('\n')}\n`);
});
