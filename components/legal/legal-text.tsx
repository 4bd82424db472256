import { parseLegalText } from "@/lib/legal/rules";

/**
 * R-SEC-9: an administrator's text as headings, paragraphs and lists: React text only, never
 * HTML, so whatever was typed shows as typed.
 */
export function LegalText({ body }: { body: string }) {
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      {parseLegalText(body).map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === "heading") {
          return (
            <h2 key={key} className="mt-2 text-xl font-semibold">
              {block.text}
            </h2>
          );
        }
        if (block.kind === "list") {
          return (
            <ul key={key} className="list-disc pl-6">
              {block.items.map((item, itemIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are rendered once, never reordered
                <li key={itemIndex}>{item}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key}>
            {block.lines.map((line, lineIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are rendered once, never reordered
              <span key={lineIndex}>
                {lineIndex > 0 && <br />}
                {line}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
