import { reportJsonSchema } from '../../report/report-schema.js';
import type { CliIo } from '../io.js';
import { emit, refuseOutputOntoInput } from '../output.js';

export interface SchemaOptions {
  readonly output?: string | undefined;
}

/**
 * `paygap schema`: the JSON Schema (draft 2020-12) of `paygap report --format json`,
 * generated from the zod model of the published report (report/report-schema.ts), so a
 * program can check a report, or generate types, against the same contract the tests hold
 * the output to.
 */
export async function schemaCommand(options: SchemaOptions, io: CliIo): Promise<Record<string, unknown>> {
  await refuseOutputOntoInput(options.output, [], io);
  const schema = reportJsonSchema();
  await emit(`${JSON.stringify(schema, null, 2)}\n`, options.output, io);
  return schema;
}
