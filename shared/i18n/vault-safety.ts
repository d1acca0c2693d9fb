import type { AreaMessages } from './types';

/**
 * Messages of the vault's safety rules (issue #8): one writer per wallet file, a wallet file that
 * went away while open, read-only wallets, the two-step recovery key, the Argon2id floor, and the
 * checks verify makes on the derived state.
 */
export const vaultSafetyMessages: AreaMessages = {
  'en-US': {
    errors: {
      vault: {
        open_elsewhere: 'This wallet is open in another OneWallet window or process. Close it there (or lock it) and try again.',
        file_lost:
          'The wallet file {{path}} was deleted, replaced or cut short while it was open. Nothing more is written to it; save the open wallet to a new file to keep every change.',
        snapshot_stale: 'The snapshot covering event {{covers}} holds the state after event {{applied}}; it was not used.',
        kdf_upgrade_failed: 'The wallet’s password protection is weaker than allowed and could not be strengthened ({{detail}}). Nothing was changed; try again.',
        recovery_key_not_pending: 'There is no new recovery key waiting for confirmation. Create a new one first.',
        recovery_key_mismatch: 'This is not the new recovery key shown. Type it exactly as shown; the old key stays valid until then.',
        read_only: 'This wallet can only be read: its file or folder does not allow writing ({{path}}). Balances and records can be viewed; nothing can be changed.',
        no_permission: 'The wallet file {{path}} cannot be read: permission denied.',
      },
      ledger_seq_not_next: 'Ledger record #{{seq}} came after #{{expected}} was expected: records are missing. Lock and unlock the wallet, then run “Verify wallet”.',
      ledger_balance_breaks_rule: 'The balance of {{account}} is {{balance}} {{currency}}, below what its account type allows ({{floor}}).',
      ledger_balance_running_differs: 'The stored balance of {{account}} ({{running}} {{currency}}) differs from the sum of its records ({{sum}} {{currency}}). The records themselves are intact.',
    },
    cli: {
      output_failed: 'The output could not be written ({{detail}}). {{consequence}}',
      output_failed_init: 'The wallet was not created, because its recovery key could not be shown.',
      output_failed_regenerate: 'The old recovery key stays valid: the new one could not be shown.',
    },
    wallet: {
      file_lost: {
        title: 'The wallet file is gone',
        body: 'The file of this wallet was deleted, replaced or cut short while it was open. Changes are no longer saved to it. Save the open wallet to a new file: it keeps every change and opens with the same password.',
        save: 'Save to a new file',
        saved: 'Saved as the wallet “{{name}}”. Lock this one and open the saved wallet.',
        name_suffix: '(saved)',
      },
      unlock: {
        no_permission: 'This wallet file cannot be read: permission denied. Check the file’s permissions.',
      },
      read_only: {
        title: 'Read-only wallet',
        body: 'The wallet file or its folder does not allow writing. You can look at everything, but nothing can be recorded or changed.',
      },
      recovery_confirm: {
        intro: 'Type the new recovery key to confirm you have it. Until you do, the old recovery key stays valid.',
        label: 'New recovery key',
        confirm: 'Confirm new key',
        cancel: 'Keep the old key',
        done: 'The new recovery key is active; the old one no longer works.',
      },
    },
  },
  'zh-CN': {
    errors: {
      vault: {
        open_elsewhere: '此钱包已在另一个一钱包窗口或进程中打开。请先在那里关闭（或锁定）它，然后重试。',
        file_lost: '钱包文件 {{path}} 在打开期间被删除、替换或截断。之后不会再写入它；请把当前打开的钱包另存为新文件，以保留全部更改。',
        snapshot_stale: '覆盖到第 {{covers}} 条记录的快照保存的是第 {{applied}} 条之后的状态，未被使用。',
        kdf_upgrade_failed: '此钱包的密码保护强度低于要求，且未能加强（{{detail}}）。未做任何更改，请重试。',
        recovery_key_not_pending: '没有等待确认的新恢复密钥。请先生成一个。',
        recovery_key_mismatch: '这不是刚才显示的新恢复密钥。请按显示内容准确输入；在此之前旧密钥仍然有效。',
        read_only: '此钱包只能读取：它的文件或文件夹不允许写入（{{path}}）。可以查看余额和记录，但不能做任何更改。',
        no_permission: '无法读取钱包文件 {{path}}：没有权限。',
      },
      ledger_seq_not_next: '账本记录 #{{seq}} 出现时应为 #{{expected}}：有记录缺失。请锁定后重新解锁钱包，并运行“校验钱包”。',
      ledger_balance_breaks_rule: '{{account}} 的余额为 {{balance}} {{currency}}，低于该账户类型允许的下限（{{floor}}）。',
      ledger_balance_running_differs: '{{account}} 的记录余额（{{running}} {{currency}}）与其各笔记录之和（{{sum}} {{currency}}）不一致。记录本身完好。',
    },
    cli: {
      output_failed: '无法写出输出（{{detail}}）。{{consequence}}',
      output_failed_init: '钱包未创建，因为无法显示它的恢复密钥。',
      output_failed_regenerate: '旧恢复密钥仍然有效：新密钥无法显示。',
    },
    wallet: {
      file_lost: {
        title: '钱包文件已丢失',
        body: '此钱包的文件在打开期间被删除、替换或截断，更改不再保存到它。请把当前打开的钱包另存为新文件：它保留全部更改，并使用相同的密码打开。',
        save: '另存为新文件',
        saved: '已另存为钱包“{{name}}”。请锁定当前钱包并打开保存的钱包。',
        name_suffix: '（已保存）',
      },
      unlock: {
        no_permission: '无法读取此钱包文件：没有权限。请检查文件权限。',
      },
      read_only: {
        title: '只读钱包',
        body: '钱包文件或其文件夹不允许写入。可以查看全部内容，但不能记录或更改任何东西。',
      },
      recovery_confirm: {
        intro: '请输入新的恢复密钥，以确认你已保存它。确认之前，旧恢复密钥仍然有效。',
        label: '新的恢复密钥',
        confirm: '确认新密钥',
        cancel: '保留旧密钥',
        done: '新的恢复密钥已生效，旧密钥不再可用。',
      },
    },
  },
};
