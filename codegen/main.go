// Command codegen writes the plugin's Go and Python SDKs from its schema.json with Pulumi's own code
// generators (github.com/pulumi/pulumi/pkg/v3/codegen), at the version of the CLI the tests run.
//
// `pulumi package gen-sdk` would do the same, but the CLI hands each language to its language host, and
// the hosts that generate SDKs cannot be built here (issue 19). The generators themselves are plain Go.
//
//	codegen -schema provider/host/plugin/schema.json -out DIR   # writes DIR/go and DIR/python
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generated files' "do not edit" banner gives as their author.
const tool = "pulumi-cloudflare-registrar gen-sdks"

func main() {
	schemaPath := flag.String("schema", "", "the package schema (schema.json)")
	out := flag.String("out", "", "a directory that does not exist yet, or is empty; go/ and python/ are written in it")
	flag.Parse()
	if *schemaPath == "" || *out == "" || flag.NArg() != 0 {
		fail("usage: codegen -schema schema.json -out DIR")
	}
	if err := run(*schemaPath, *out); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "codegen: "+msg)
	os.Exit(1)
}

func run(schemaPath, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return fmt.Errorf("read the schema: %w", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s is not a package schema: %w", schemaPath, err)
	}
	// Packed SDKs carry their own go.mod (so a Go program can `replace` the module with this directory)
	// and the schema's version in the Python package, instead of a placeholder for a publish step to fill.
	if spec.Meta == nil {
		spec.Meta = &schema.MetadataSpec{}
	}
	spec.Meta.SupportPack = true

	// BindSpec, not ImportSpec: it validates against the metaschema, so a schema mistake is reported
	// here with its JSON path rather than surfacing as odd generated code.
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("bind %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s does not validate:\n%s", schemaPath, diags.Error())
	}

	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: generate into a fresh directory, so no file of an older SDK survives", out)
	}

	goFiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return fmt.Errorf("generate the Go SDK: %w", err)
	}
	// The schema names no other package, so the Python generator never asks its loader for one.
	pyFiles, err := pygen.GeneratePackage(tool, pkg, nil, nil)
	if err != nil {
		return fmt.Errorf("generate the Python SDK: %w", err)
	}
	for lang, files := range map[string]map[string][]byte{"go": goFiles, "python": pyFiles} {
		if err := write(filepath.Join(out, lang), files); err != nil {
			return err
		}
	}
	return nil
}

func write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if filepath.IsAbs(name) || strings.HasPrefix(filepath.Clean(name), "..") {
			return fmt.Errorf("the generator named a file outside its directory: %s", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "codegen: %d files in %s\n", len(names), dir)
	return nil
}
