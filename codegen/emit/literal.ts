import type { CodeBlockWriter, WriterFunction } from "ts-morph";
import { commentLines } from "./escape.js";

/**
 * `export const <name> = <multi-line literal>;` as a statement writer. ts-morph prints a variable initializer with a
 * hanging indent, which shifts every line of a multi-line object literal by one level; writing the whole statement
 * keeps data literals (operation index, documents) indented like hand-written code without a slow formatText() pass.
 */
export function exportedConst(name: string, docLines: readonly string[], writeValue: (writer: CodeBlockWriter) => void, type?: string): WriterFunction {
  return (writer) => {
    if (docLines.length > 0) {
      writer.writeLine("/**");
      for (const line of docLines.flatMap(commentLines)) writer.writeLine(line === "" ? " *" : ` * ${line}`);
      writer.writeLine(" */");
    }
    writer.write(`export const ${name}${type === undefined ? "" : `: ${type}`} = `);
    writeValue(writer);
    writer.write(";").newLine();
  };
}

/** Writes pre-formatted multi-line text (e.g. JSON.stringify output) at the writer's current indentation. */
export function writeLines(writer: CodeBlockWriter, text: string): void {
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    writer.write(line);
    if (index < lines.length - 1) writer.newLine();
  });
}
