import type { AreaMessages } from './types';

/** Messages of statement import: parser errors (errors.import.*), the wizard (import.*) and `onewallet import` (cli.import.*). */
export const importMessages: AreaMessages = {
  'en-US': {
    // ── Import batches, planner, wizard and CLI (wt-import) ─────────────────────────────────
    errors: {
      import_batch: {
        exists: 'An import with the id {{batchId}} already exists.',
        nothing_to_import: 'Nothing to import: every row of this file is already in the wallet, skipped or has an error.',
        amount_zero: 'Row {{line}}: the amount is 0.',
        bad_date: 'Row {{line}}: “{{value}}” is not a date the wallet can book.',
        bad_text: 'Row {{line}}: the {{column}} contains characters that cannot be stored.',
        transfer_same_account: 'Row {{line}}: a transfer needs two different accounts; choose another account for neutral rows.',
        transfer_currency: 'Row {{line}}: the transfer account is in {{currency}}, not in the statement account’s currency.',
        not_found: 'There is no import {{batchId}} in this wallet.',
        already_undone: 'This import has already been undone.',
        not_undone: 'This import is not undone; there is nothing to restore.',
        reconciled: '{{count}} rows of this import are reconciled and locked; undoing it would change a reconciled statement. Nothing was changed.',
        journal_moved: 'The wallet changed while the import was being written. Nothing was imported; try again.',
      },
    },
  },
  'zh-CN': {
    errors: {
      import_batch: {
        exists: '编号为 {{batchId}} 的导入已存在。',
        nothing_to_import: '没有可导入的内容：此文件的每一行都已在钱包中、被跳过或有错误。',
        amount_zero: '第 {{line}} 行：金额为 0。',
        bad_date: '第 {{line}} 行：“{{value}}”不是钱包可以记账的日期。',
        bad_text: '第 {{line}} 行：{{column}} 含有无法保存的字符。',
        transfer_same_account: '第 {{line}} 行：转账需要两个不同的账户；请为不计收支的行选择另一个账户。',
        transfer_currency: '第 {{line}} 行：转账账户的币种是 {{currency}}，与账单账户的币种不同。',
        not_found: '此钱包中没有编号为 {{batchId}} 的导入。',
        already_undone: '此次导入已经撤销。',
        not_undone: '此次导入没有被撤销，无需恢复。',
        reconciled: '此次导入中有 {{count}} 行已对账并锁定；撤销会改变已对账的账单。未做任何更改。',
        journal_moved: '写入导入时钱包发生了变化。未导入任何内容；请重试。',
      },
    },
  },
};
