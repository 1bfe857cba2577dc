/**
 * The organisation a command names with `--organisation <slug>`, and its plan named with
 * `--plan <slug>`; or, when there is none, how to find or make one.
 */
import type { PrismaClient } from '@plan-tracker/db';
import { CliError } from './cli-error.js';

export interface FoundOrganisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** The organisation with `slug`; a CliError saying how to list and create one when absent. */
export async function findOrganisation(
  prisma: PrismaClient,
  slug: string,
): Promise<FoundOrganisation> {
  const found = await prisma.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!found) {
    throw new CliError(
      `there is no organisation with the slug "${slug}": \`pnpm cli plan:list\` lists the organisations, \`pnpm cli org:create --slug ${slug} --name "…"\` makes one`,
    );
  }
  return found;
}

/** A plan as the plan commands need it: to name it, and to change it at its current version. */
export interface FoundPlan {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly version: number;
  readonly published: boolean;
  readonly archivedAt: Date | null;
}

/** The organisation's plan with `slug`; a CliError saying how to list its plans when absent. */
export async function findPlan(
  prisma: PrismaClient,
  organisation: FoundOrganisation,
  slug: string,
): Promise<FoundPlan> {
  const found = await prisma.plan.findUnique({
    where: { organisationId_slug: { organisationId: organisation.id, slug } },
    select: { id: true, slug: true, title: true, version: true, published: true, archivedAt: true },
  });
  if (!found) {
    throw new CliError(
      `${organisation.slug} has no plan with the slug "${slug}": \`pnpm cli plan:list --organisation ${organisation.slug}\` lists its plans`,
    );
  }
  return found;
}
