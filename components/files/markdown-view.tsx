import { Fragment } from "react";
import { parseInline, parseMarkdown } from "./parse-markdown";

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((run, i) => {
        if (run.type === "code") return <code key={i} className="rounded bg-slate-100 px-1 dark:bg-slate-800">{run.text}</code>;
        if (run.type === "strong") return <strong key={i}>{run.text}</strong>;
        if (run.type === "em") return <em key={i}>{run.text}</em>;
        if (run.type === "link") return <a key={i} href={run.href} rel="noopener noreferrer nofollow" target="_blank" className="text-sky-700 underline dark:text-sky-300">{run.text}</a>;
        return <Fragment key={i}>{run.text}</Fragment>;
      })}
    </>
  );
}

const HEADING = ["text-2xl", "text-xl", "text-lg", "text-base", "text-sm", "text-sm"];

/** Markdown shown formatted, every character escaped by React: raw HTML in it stays visible text. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="space-y-3 text-sm leading-relaxed" data-testid="markdown-preview">
      {parseMarkdown(source).map((block, i) => {
        switch (block.type) {
          case "heading": {
            const Tag = `h${Math.min(block.level + 2, 6)}` as "h3";
            return <Tag key={i} className={`${HEADING[block.level - 1]} font-semibold`}><Inline text={block.text} /></Tag>;
          }
          case "paragraph":
            return <p key={i}><Inline text={block.text} /></p>;
          case "quote":
            return <blockquote key={i} className="border-l-4 border-slate-300 pl-3 text-slate-700 dark:border-slate-600 dark:text-slate-300"><Inline text={block.text} /></blockquote>;
          case "code":
            return <pre key={i} className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{block.text}</pre>;
          case "rule":
            return <hr key={i} className="border-slate-300 dark:border-slate-600" />;
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return <List key={i} className={`${block.ordered ? "list-decimal" : "list-disc"} space-y-1 pl-6`}>{block.items.map((item, j) => <li key={j}><Inline text={item} /></li>)}</List>;
          }
        }
      })}
    </div>
  );
}
