// `node --import ./register.mjs …`: log every module the run loads (see hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
