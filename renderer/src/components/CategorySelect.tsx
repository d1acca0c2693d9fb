/**
 * Category picker: a one-level tree (Food › Groceries); parents are selectable too. Typing a name
 * that does not exist offers "+ New category “xyz”" as the first entry, so a category is created
 * where it is needed (arrow keys and Enter reach it like any other entry).
 */
import { useState } from 'react';
import { App, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../lib/api-context';
import { newRequestId } from '../lib/money';

export interface CategoryNodeData {
  value: string;
  title: string;
  children?: CategoryNodeData[];
}

/** Builds the tree for the given kind (or both kinds), keeping the engine's order. */
export function categoryTree(categories: readonly CategoryView[], kind?: 'expense' | 'income'): CategoryNodeData[] {
  const wanted = categories.filter((category) => !kind || category.kind === kind);
  const ids = new Set(wanted.map((category) => category.id));
  return wanted
    .filter((category) => category.parentId === null || !ids.has(category.parentId))
    .map((parent) => {
      const children = wanted.filter((child) => child.parentId === parent.id).map((child) => ({ value: child.id, title: child.name }));
      return { value: parent.id, title: parent.name, ...(children.length > 0 ? { children } : {}) };
    });
}

/** The "+ New category" entry's value; never a category id (ids cannot hold '~'). */
const CREATE = '~create';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  categories: readonly CategoryView[];
  kind: 'expense' | 'income';
  placeholder: string;
  ariaLabel: string;
  disabled?: boolean;
}

export function CategorySelect({ id, value, onChange, categories, kind, placeholder, ariaLabel, disabled }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  // Shown until the reloaded list has it, so the picker never flashes a bare id.
  const [created, setCreated] = useState<CategoryView[]>([]);
  const known = [...categories, ...created.filter((extra) => !categories.some((category) => category.id === extra.id))];
  const typed = search.trim();
  const exists = known.some((category) => category.kind === kind && category.name.toLowerCase() === typed.toLowerCase());
  const tree = categoryTree(known, kind);
  const treeData = typed && !exists ? [{ value: CREATE, title: t('daily.category.create', { name: typed }) }, ...tree] : tree;

  const create = async (name: string) => {
    setCreating(true);
    try {
      const outcome = await unwrap(api.ledger.defineCategory({ requestId: newRequestId(), name, kind, parentId: null }));
      const newId = outcome.ids[0]!;
      setCreated((list) => [...list, { id: newId, name, kind, parentId: null }]);
      onChange?.(newId);
      void message.success(t('daily.category.created', { name }));
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setCreating(false);
    }
  };

  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        setSearch('');
        if (next === CREATE) void create(typed);
        else onChange?.(next ?? null);
      }}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      showSearch
      searchValue={search}
      onSearch={setSearch}
      treeNodeFilterProp="title"
      placeholder={placeholder}
      disabled={disabled}
      loading={creating}
      style={{ width: '100%' }}
    />
  );
}
