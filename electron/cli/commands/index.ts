/** Every CLI command, in help order. Later areas add their module's list here. */
import type { Command } from '../registry';
import { accountCommands } from './accounts';
import { backupCommands } from './backup';
import { crashCommands } from './crash';
import { importCommands } from './import';
import { transactionCommands } from './transactions';
import { vaultCommands } from './vault';
import { updateCommands } from './update';

export const COMMANDS: readonly Command[] = [...vaultCommands, ...accountCommands, ...transactionCommands, ...importCommands, ...backupCommands, ...updateCommands, ...crashCommands];
