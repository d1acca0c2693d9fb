/** Every CLI command, in help order. Later areas add their module's list here. */
import type { Command } from '../registry';
import { vaultCommands } from './vault';

export const COMMANDS: readonly Command[] = [...vaultCommands];
