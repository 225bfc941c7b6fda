# Compiles data files (gazetteers) into the binary, so a single executable works anywhere.
# embed_data_files(OUT_VAR HEADER FUNCTION file...) sets OUT_VAR to a generated source defining
# `std::string_view wm::FUNCTION(std::string_view name)` (declared in HEADER) over the files
# (relative to the current source folder, or absolute: generated ones), each by its file name.
function(embed_data_files out_var header function)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${function}.cpp)
  set(inputs)
  foreach(file IN LISTS ARGN)
    if(IS_ABSOLUTE ${file})
      list(APPEND inputs ${file})
    else()
      list(APPEND inputs ${CMAKE_CURRENT_SOURCE_DIR}/${file})
    endif()
  endforeach()
  string(REPLACE ";" "|" inputs_arg "${inputs}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} "-DINPUTS=${inputs_arg}" -DOUTPUT=${output}
            -DHEADER=${header} -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_data_script.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/embed_data_script.cmake
    COMMENT "Embedding data files"
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
