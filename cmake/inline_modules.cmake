# Writes a script from a template whose `// @inline NAME.js` lines are replaced by the ES
# modules of the same folder, their imports dropped and exports made plain declarations: the
# search page's modules, shared with a script that cannot import them (the widget runs on other
# sites' pages). inline_modules(OUT_VAR TEMPLATE OUTPUT_NAME) sets OUT_VAR to the written file.
function(inline_modules out_var template output_name)
  set(input ${CMAKE_CURRENT_SOURCE_DIR}/${template})
  get_filename_component(folder ${input} DIRECTORY)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${output_name})
  file(STRINGS ${input} lines REGEX "// @inline ")
  set(modules)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE ".*// @inline ([A-Za-z0-9_.-]+).*" "\\1" module "${line}")
    list(APPEND modules ${folder}/${module})
  endforeach()
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output}
            -P ${PROJECT_SOURCE_DIR}/cmake/inline_modules_script.cmake
    DEPENDS ${input} ${modules} ${PROJECT_SOURCE_DIR}/cmake/inline_modules_script.cmake
    COMMENT "Inlining modules into ${output_name}"
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
