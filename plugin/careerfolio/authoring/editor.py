"""Editor support: JSON Schemas of each content type and a Front Matter CMS configuration.

Both are made from `schema.CONTENT_TYPES`, the definitions the validator uses,
so an editor never suggests a field that `careerfolio check` would reject.
"""

from __future__ import annotations

import json
from typing import Any

from careerfolio.authoring.newfile import TextFile
from careerfolio.content.schema import CONTENT_TYPES, ContentType, Field, json_schema
from careerfolio.settings import Settings

FRONTMATTER_FILE = "frontmatter.json"
SCHEMA_DIR = "schemas"
FRONTMATTER_SCHEMA_URL = "https://frontmatter.codes/frontmatter.schema.json"


def render_json(data: Any) -> str:
    """JSON as the files are written: indented, UTF-8, ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def schema_file_name(type_name: str) -> str:
    return f"{type_name}.schema.json"


def build_schema_files() -> list[TextFile]:
    """One JSON Schema file per content type."""
    return [TextFile(schema_file_name(name), render_json(json_schema(ctype))) for name, ctype in CONTENT_TYPES.items()]


def folder_types(settings: Settings) -> list[tuple[str, str]]:
    """(folder under docs_dir, content type name) for every folder of one content type."""
    return list(settings.content_folders)


def _title(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _fm_field(name: str, schema: dict[str, Any], description: str, required: bool) -> dict[str, Any] | None:
    """A Front Matter CMS field for one JSON Schema property; None when it has no matching editor."""
    field: dict[str, Any] = {"title": _title(name), "name": name}
    kind = schema.get("type")
    items = schema.get("items", {})
    if "enum" in schema:
        field.update(type="choice", choices=list(schema["enum"]))
    elif "const" in schema:
        field.update(type="choice", choices=[schema["const"]])
    elif schema.get("format") == "date":
        field.update(type="datetime", dateFormat="yyyy-MM-dd")
    elif kind == "boolean":
        field.update(type="boolean")
    elif kind == "integer":
        options: dict[str, Any] = {"isDecimal": False}
        if "minimum" in schema:
            options["min"] = schema["minimum"]
        if "maximum" in schema:
            options["max"] = schema["maximum"]
        field.update(type="number", numberOptions=options)
    elif kind == "array" and "enum" in items:
        field.update(type="choice", choices=list(items["enum"]), multiple=True)
    elif kind == "array" and items.get("type") == "string":
        field.update(type="list")
    elif kind == "object" and "properties" in schema:
        subfields = [_fm_field(sub, prop, "", sub in schema.get("required", ())) for sub, prop in schema["properties"].items()]
        field.update(type="fields", fields=[f for f in subfields if f is not None])
    elif kind == "string" or (isinstance(kind, list) and "string" in kind):
        # Every text field of the format is one line; the body holds the prose.
        field.update(type="string", single=True)
    else:
        # Lists of mappings (decision options, profile links) are edited as YAML text.
        return None
    if description:
        field["description"] = description
    if required:
        field["required"] = True
    return field


def _fm_content_type(ctype: ContentType) -> dict[str, Any]:
    properties = json_schema(ctype)["properties"]
    fields = [_fm_field(f.name, properties[f.name], f.description, f.required) for f in ctype.fields if _shown(ctype, f)]
    return {"name": ctype.name, "pageBundle": False, "previewPath": None, "fields": [f for f in fields if f is not None]}


def _shown(ctype: ContentType, field: Field) -> bool:
    # Always-private types have no visibility to choose.
    return not (ctype.always_private and field.name == "visibility")


def build_frontmatter_config(settings: Settings, docs_dir: str) -> dict[str, Any]:
    """The Front Matter CMS configuration: each content folder mapped to its content type.

    `docs_dir` is the content folder relative to the site root, where frontmatter.json lives.
    """
    folders = folder_types(settings)
    used = [name for _, name in folders]
    return {
        "$schema": FRONTMATTER_SCHEMA_URL,
        "frontMatter.framework.id": "other",
        "frontMatter.content.pageFolders": [
            {"title": _title(folder), "path": f"[[workspace]]/{docs_dir}/{folder}", "contentTypes": [name]} for folder, name in folders
        ],
        "frontMatter.taxonomy.contentTypes": [_fm_content_type(CONTENT_TYPES[name]) for name in used],
    }


def build_editor_files(settings: Settings, docs_dir: str, schema_dir: str = SCHEMA_DIR) -> list[TextFile]:
    """Every editor file, relative to the site root: the schemas under `schema_dir` and frontmatter.json."""
    files = [TextFile(f"{schema_dir}/{f.path}", f.text) for f in build_schema_files()]
    files.append(TextFile(FRONTMATTER_FILE, render_json(build_frontmatter_config(settings, docs_dir))))
    return files
