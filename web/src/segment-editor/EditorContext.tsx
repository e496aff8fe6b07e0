'use client';

import { createContext, useContext } from 'react';
import type { RuleGroupType } from 'react-querybuilder';

/** What the builder's controls need beyond their own props: the whole query and the API's problems by builder id. */
export interface EditorContextValue {
  query: RuleGroupType;
  problemsById: ReadonlyMap<string, readonly string[]>;
}

export const EditorContext = createContext<EditorContextValue>({ query: { combinator: 'AND', rules: [] }, problemsById: new Map() });

export function useEditorContext(): EditorContextValue {
  return useContext(EditorContext);
}

/** The API's problems with one rule or group, in the UI language. */
export function useProblems(id: string | undefined): readonly string[] {
  const { problemsById } = useEditorContext();
  return (id && problemsById.get(id)) || [];
}
