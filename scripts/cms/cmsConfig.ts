import { levelLabel } from "../level/levelLabel.ts";
import { LEVEL_NUMBERS, type LevelMeaning, type LevelNumber } from "../level/types.ts";
import type { Region } from "../content/validateRegions.ts";
import { fieldsFromSchema, type CmsField, type CmsOption, type JsonSchema, type NamedChoices } from "./schemaFields.ts";

/** Where the CMS commits in production: `_data/cms.json`. */
export interface CmsSettings {
  /** "owner/name" on GitHub. */
  repo: string;
  branch: string;
  /** The OAuth provider that hands the CMS a GitHub token (Netlify's, or one of your own). */
  oauthBaseUrl: string;
  oauthEndpoint: string;
}

/** Everything the configuration is made from: the build's own schemas and lists. */
export interface CmsConfigSources {
  settings: CmsSettings;
  siteUrl: string;
  analysisSchema: JsonSchema;
  levelsSchema: JsonSchema;
  meaningsSchema: JsonSchema;
  regionsSchema: JsonSchema;
  meanings: Record<LevelNumber, Pick<LevelMeaning, "colour">>;
  regions: readonly Pick<Region, "name">[];
  /** The folders inside site/articles/ that hold analyses ("2024", "2024/spring"), each listed on its own. */
  analysisFolders: readonly string[];
}

interface FolderCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: "md";
  format: "frontmatter";
  create: true;
  slug: string;
  summary: string;
  sortable_fields: string[];
  view_filters: { label: string; field: string; pattern: boolean }[];
  fields: CmsField[];
}

interface FileCollection {
  name: string;
  label: string;
  description: string;
  editor: { preview: false };
  files: { name: string; label: string; file: string; format: "json"; fields: CmsField[] }[];
}

export interface CmsConfig {
  backend: { name: "github"; repo: string; branch: string; base_url: string; auth_endpoint: string };
  local_backend: true;
  publish_mode: "simple";
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: "ascii"; clean_accents: true; sanitize_replacement: "-" };
  /** Analyses in site/articles/, then one collection per folder inside it, then the data files. */
  collections: [FolderCollection, ...(FolderCollection | FileCollection)[]];
}

/**
 * The folder analyses are read from. Decap lists one folder's files, so each folder inside it
 * (editors file analyses by year) is a collection of its own, "Analyses in 2024/".
 */
export const ANALYSES_FOLDER = "site/articles";
/** The Markdown after the front matter: the one field no schema describes. */
export const BODY_FIELD = "body";

/** Decap CMS's configuration (/admin/config.yml), made from the schemas the build validates with. */
export function cmsConfig(sources: CmsConfigSources): CmsConfig {
  const levelOptions: CmsOption[] = LEVEL_NUMBERS.map((level) => ({ label: levelLabel(level, sources.meanings), value: level }));
  // Per file: in regionList.json, "regions" is the list being edited, not a choice from it.
  const levelChoice: NamedChoices = { level: levelOptions };
  const analysisChoices: NamedChoices = { ...levelChoice, regions: sources.regions.map((region) => ({ label: region.name, value: region.name })) };
  const body: CmsField = { name: BODY_FIELD, label: "Text", widget: "markdown", required: true, hint: "The analysis, in Markdown. Use ## for section headings." };
  const analysisFields = [...fieldsFromSchema(sources.analysisSchema, analysisChoices), body];
  return {
    backend: {
      name: "github",
      repo: sources.settings.repo,
      branch: sources.settings.branch,
      base_url: sources.settings.oauthBaseUrl,
      auth_endpoint: sources.settings.oauthEndpoint,
    },
    // Used only when the CMS is opened on localhost and `npm run cms` runs decap-server (port 8081).
    local_backend: true,
    publish_mode: "simple",
    site_url: sources.siteUrl,
    display_url: sources.siteUrl,
    media_folder: "site/assets/images",
    public_folder: "/assets/images",
    // The project's slug rule: lowercase ASCII words joined by hyphens, accents dropped.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      analysisCollection("analyses", "Analyses", ANALYSES_FOLDER, analysisFields),
      ...sources.analysisFolders.map((folder) =>
        analysisCollection(`analyses-${folder.replaceAll("/", "-")}`, `Analyses in ${folder}/`, `${ANALYSES_FOLDER}/${folder}`, analysisFields),
      ),
      fileCollection("levels", "Level assessments", "_data/levels.json", sources.levelsSchema, levelChoice,
        "The latest assessment sets the current level everywhere. The list is oldest first: add a new assessment at the end."),
      fileCollection("levelMeanings", "Level meanings", "_data/levelMeanings.json", sources.meaningsSchema, levelChoice,
        "What each level means and advises, its colours and when its next assessment is due."),
      fileCollection("regions", "Regions", "_data/regionList.json", sources.regionsSchema, {},
        "The regions an analysis may name."),
    ],
  };
}

function analysisCollection(name: string, label: string, folder: string, fields: CmsField[]): FolderCollection {
  return {
    name,
    label,
    label_singular: "Analysis",
    description: "Published at /articles/<file name>/. The file name comes from the title when the analysis is first saved.",
    folder,
    extension: "md",
    format: "frontmatter",
    create: true,
    slug: "{{slug}}",
    summary: "{{date}} · {{title}}",
    sortable_fields: ["date", "title"],
    view_filters: [{ label: "Drafts", field: "draft", pattern: true }],
    fields,
  };
}

function fileCollection(name: string, label: string, file: string, schema: JsonSchema, choices: NamedChoices, description: string): FileCollection {
  return {
    name,
    label,
    description,
    editor: { preview: false },
    files: [{ name, label, file, format: "json", fields: fieldsFromSchema(schema, choices) }],
  };
}
