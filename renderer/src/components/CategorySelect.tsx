/** Category picker: a one-level tree (Food › Groceries); parents are selectable too. */
import { TreeSelect } from 'antd';
import type { CategoryView } from '../../../shared/ledger-views';

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
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={categoryTree(categories, kind)}
      treeDefaultExpandAll
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder}
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}
