# Compiles data files (gazetteers) into the binary, so a single executable works anywhere.
# embed_data_files(OUT_VAR file...) sets OUT_VAR to the generated source to add to a target.
function(embed_data_files out_var)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_data.cpp)
  set(inputs)
  foreach(file IN LISTS ARGN)
    list(APPEND inputs ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  endforeach()
  string(REPLACE ";" "|" inputs_arg "${inputs}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} "-DINPUTS=${inputs_arg}" -DOUTPUT=${output}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_data_script.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/embed_data_script.cmake
    COMMENT "Embedding data files"
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
