/** The config file's name: a module of its own so the command definitions load without zod. */
export const CONFIG_FILE = 'paygap.config.json';
