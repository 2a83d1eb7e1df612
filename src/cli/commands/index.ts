import type { Command } from '../command';

/** Every command of the `newsflow` CLI; add a command by adding its module here. */
export const commands: Command[] = [];
