/**
 * Uses of a name inside the scope that declares it, found by spelling: every identifier written the same, except the
 * declaration itself, a property name after a dot and a key of an object literal or class. A shadowing variable of the
 * same name counts as a use too, so this may find more uses than there are, never fewer; the callers read "more uses
 * than the rewrite accounts for" as "leave it to a person". (The language service's find-references searches the
 * whole file for each name: quadratic on a file with thousands of call sites.)
 */
import { Node, SyntaxKind, type Identifier } from "ts-morph";

function isPropertyName(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() === identifier;
  if (Node.isQualifiedName(parent)) return parent.getRight() === identifier;
  if (Node.isPropertyAssignment(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent) || Node.isMethodSignature(parent)) {
    return parent.getNameNode() === identifier;
  }
  return false;
}

export function usesInScope(name: Identifier, scope: Node): Identifier[] {
  const text = name.getText();
  return scope.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier !== name && identifier.getText() === text && !isPropertyName(identifier));
}
