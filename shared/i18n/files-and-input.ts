import type { AreaMessages } from './types';

/**
 * Messages for what the machine or the user can get wrong around the engine: operating-system
 * errors on a named path (errors.files.*, and their backup/export forms), standard output that
 * cannot be written (cli.output.*), the new-password rule (errors.password.*), the text rules
 * (errors.text.*) and the wallet-name hint. Every OS error a user can act on is one sentence
 * naming the path. (The ledger's own rule messages stay in ledger.ts.)
 */
export const filesAndInputMessages: AreaMessages = {
  'en-US': {
    errors: {
      files: {
        missing: 'Nothing was found at {{path}}.',
        folder_missing: 'The folder {{path}} does not exist.',
        exists: 'Something already exists at {{path}}.',
        no_permission: 'OneWallet is not allowed to access {{path}} (check its permissions).',
        read_only: '{{path}} is on a read-only disk.',
        disk_full: 'The disk holding {{path}} is full.',
        is_a_folder: '{{path}} is a folder, not a file.',
        not_a_folder: 'A part of {{path}} is a file where a folder is needed.',
        not_a_regular_file: '{{path}} is not a regular file (a device, pipe or folder cannot be used here).',
        too_large: '{{path}} is too large: at most {{max}} bytes are read.',
        unknown: '{{path}} could not be read or written ({{code}}).',
      },
      backup: {
        folder_is_file: '{{dir}} is a file, not a folder. Choose a folder for backups. Your wallet is unchanged.',
        folder_no_permission: 'OneWallet is not allowed to write to {{dir}} (check the folder’s permissions). Your wallet is unchanged.',
        folder_read_only_disk: '{{dir}} is on a read-only disk. Your wallet is unchanged.',
        folder_path_not_folder: 'A part of {{dir}} is a file, not a folder. Choose a folder for backups. Your wallet is unchanged.',
      },
      export: {
        disk_full: 'The disk holding {{dir}} is full. The export was not written; your wallet is unchanged.',
        read_only: '{{dir}} is on a read-only disk. The export was not written.',
        no_permission: 'OneWallet is not allowed to write to {{dir}} (check the folder’s permissions). The export was not written.',
        folder_missing: 'The folder {{dir}} does not exist. The export was not written.',
        not_a_folder: '{{dir}} is not a folder. The export was not written.',
        is_a_folder: '{{path}} is a folder; give the export a file name.',
        io: 'The export could not be written ({{detail}}). Your wallet is unchanged.',
      },
      password: {
        too_short: 'The new password needs at least {{min}} characters.',
        too_long: 'The new password may have at most {{max}} characters.',
      },
      text: {
        name: 'A name must be one line without control characters.',
        payee: 'The payee must be one line without control characters.',
        tag: 'A tag must be one line without control characters.',
        note: 'The note must not contain control characters (line breaks and tabs are fine).',
        reason: 'The reason must not contain control characters (line breaks and tabs are fine).',
      },
    },
    cli: {
      output: {
        closed: 'The output could not be written: the program reading it stopped (broken pipe). {{done}}',
        full: 'The output could not be written: the disk is full. {{done}}',
        failed: 'The output could not be written ({{code}}). {{done}}',
        done_anyway: 'The command itself completed.',
      },
    },
    wallet: {
      nameNotEncrypted: 'The name is not encrypted: it is stored in plain text next to the wallet and in backup file names. Use something that does not give away what is inside.',
    },
  },
  'zh-CN': {
    errors: {
      files: {
        missing: '在 {{path}} 没有找到任何内容。',
        folder_missing: '文件夹 {{path}} 不存在。',
        exists: '{{path}} 已经存在。',
        no_permission: '一钱包无权访问 {{path}}（请检查其权限）。',
        read_only: '{{path}} 位于只读磁盘上。',
        disk_full: '{{path}} 所在的磁盘已满。',
        is_a_folder: '{{path}} 是文件夹，不是文件。',
        not_a_folder: '{{path}} 路径中的某一部分是文件，而这里需要文件夹。',
        not_a_regular_file: '{{path}} 不是普通文件（设备、管道或文件夹不能在此使用）。',
        too_large: '{{path}} 太大：最多读取 {{max}} 字节。',
        unknown: '无法读取或写入 {{path}}（{{code}}）。',
      },
      backup: {
        folder_is_file: '{{dir}} 是文件而不是文件夹。请为备份选择一个文件夹。钱包未受影响。',
        folder_no_permission: '一钱包无权写入 {{dir}}（请检查文件夹权限）。钱包未受影响。',
        folder_read_only_disk: '{{dir}} 位于只读磁盘上。钱包未受影响。',
        folder_path_not_folder: '{{dir}} 路径中的某一部分是文件而不是文件夹。请为备份选择一个文件夹。钱包未受影响。',
      },
      export: {
        disk_full: '{{dir}} 所在的磁盘已满。未写入导出文件；钱包未受影响。',
        read_only: '{{dir}} 位于只读磁盘上。未写入导出文件。',
        no_permission: '一钱包无权写入 {{dir}}（请检查文件夹权限）。未写入导出文件。',
        folder_missing: '文件夹 {{dir}} 不存在。未写入导出文件。',
        not_a_folder: '{{dir}} 不是文件夹。未写入导出文件。',
        is_a_folder: '{{path}} 是文件夹，请为导出文件指定文件名。',
        io: '无法写入导出文件（{{detail}}）。钱包未受影响。',
      },
      password: {
        too_short: '新密码至少需要 {{min}} 个字符。',
        too_long: '新密码最多 {{max}} 个字符。',
      },
      text: {
        name: '名称必须是一行，且不能包含控制字符。',
        payee: '收付款方必须是一行，且不能包含控制字符。',
        tag: '标签必须是一行，且不能包含控制字符。',
        note: '备注不能包含控制字符（换行和制表符可以）。',
        reason: '原因不能包含控制字符（换行和制表符可以）。',
      },
    },
    cli: {
      output: {
        closed: '无法写出输出：读取输出的程序已停止（管道已断开）。{{done}}',
        full: '无法写出输出：磁盘已满。{{done}}',
        failed: '无法写出输出（{{code}}）。{{done}}',
        done_anyway: '命令本身已完成。',
      },
    },
    wallet: {
      nameNotEncrypted: '名称不会被加密：它以明文保存在钱包旁边以及备份文件名中。请使用不会透露其内容的名称。',
    },
  },
};
