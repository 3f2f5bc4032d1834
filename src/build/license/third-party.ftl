<#-- The bundled libraries for the About dialog, one a line, tab-separated:
     name, groupId:artifactId, version, licences (joined by " / "), project URL. -->
<#list dependencyMap as e>
<#assign p = e.getKey()/>
${p.name}	${p.groupId}:${p.artifactId}	${p.version}	${e.getValue()?join(" / ")}	${p.url!""}
</#list>
