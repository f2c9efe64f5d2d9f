// Module hooks for the start-up tests: append each resolved module URL to $PAYGAP_MODULE_LOG.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.PAYGAP_MODULE_LOG) appendFileSync(process.env.PAYGAP_MODULE_LOG, `${result.url}\n`);
  return result;
}
