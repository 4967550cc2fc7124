# Check a JSON document against a JSON Schema, for the keywords that
# tests/data/report.schema.json uses: type (with "integer"), enum, required,
# properties, additionalProperties, items, minItems, maxItems, minimum,
# maximum, pattern, allOf and local $ref ("#/$defs/NAME").  Prints one line
# per violation, nothing when the document conforms.
#
#   jq -n -r --slurpfile schema S --slurpfile doc D -f report-schema.jq

def is_type($t):
  if $t == "integer" then type == "number" and floor == .
  else type == $t end;

def check($root; $s; $path):
  . as $v
  | if $s["$ref"] then
      check($root; $root["$defs"][$s["$ref"] | ltrimstr("#/$defs/")]; $path)
    else
      ( if $s.type then
          ([$s.type] | flatten) as $types
          | if any($types[]; . as $t | $v | is_type($t)) then empty
            else "\($path): expected \($types | join(" or ")), found \($v | type)" end
        else empty end ),
      ( if $s.enum and ([$s.enum[] | . == $v] | any | not)
          then "\($path): \($v | tojson) is not one of \($s.enum | tojson)" else empty end ),
      ( ($s.allOf // [])[] as $sub | check($root; $sub; $path) ),
      ( if type == "number" then
          ( if $s.minimum != null and . < $s.minimum then "\($path): \(.) is below \($s.minimum)" else empty end ),
          ( if $s.maximum != null and . > $s.maximum then "\($path): \(.) is above \($s.maximum)" else empty end )
        else empty end ),
      ( if type == "string" and $s.pattern and (test($s.pattern) | not)
          then "\($path): \(tojson) does not match \($s.pattern)" else empty end ),
      ( if type == "object" then
          ( ($s.required // [])[] as $k | if $v | has($k) then empty else "\($path): no member \($k)" end ),
          ( to_entries[] as $e
            | if ($s.properties // {}) | has($e.key) then
                $e.value | check($root; $s.properties[$e.key]; "\($path).\($e.key)")
              elif ($s.additionalProperties | type) == "object" then
                $e.value | check($root; $s.additionalProperties; "\($path).\($e.key)")
              else empty end )
        else empty end ),
      ( if type == "array" then
          ( if $s.minItems != null and length < $s.minItems then "\($path): fewer than \($s.minItems) items" else empty end ),
          ( if $s.maxItems != null and length > $s.maxItems then "\($path): more than \($s.maxItems) items" else empty end ),
          ( if $s.items then to_entries[] as $e | $e.value | check($root; $s.items; "\($path)[\($e.key)]") else empty end )
        else empty end )
    end;

$doc[0] | check($schema[0]; $schema[0]; "$")
